import { describe, expect, it } from "vitest";
import { describeFailure } from "./failure";
import { strings } from "./i18n";

const describeFor = (code: string) => describeFailure(code, "en", "chan-1", "https://shop.example");

describe("describeFailure", () => {
  it("hides the widget for a missing or paused channel, telling the site owner", () => {
    const failure = describeFor("not_found");
    expect(failure.hide).toBe(true);
    expect(failure.warning).toContain("chan-1");
  });

  it("names the site's origin when it is not allowed", () => {
    const failure = describeFor("origin_not_allowed");
    expect(failure).toMatchObject({ hide: false, retry: false, message: strings.en.originNotAllowed });
    expect(failure.warning).toContain("https://shop.example");
    expect(failure.warning).toContain("chan-1");
  });

  it("explains a wrong identity hash to the site owner and does not offer a retry", () => {
    const failure = describeFor("invalid_signature");
    expect(failure).toMatchObject({ hide: false, retry: false, message: strings.en.invalidSignature });
    expect(failure.warning).toContain("HMAC-SHA256");
  });

  it("asks for a sign-in when the channel requires identities", () => {
    expect(describeFor("identity_required")).toMatchObject({ retry: false, message: strings.en.identityRequired });
  });

  it("offers a retry for passing troubles, quietly", () => {
    expect(describeFor("rate_limited")).toMatchObject({ retry: true, message: strings.en.rateLimited, warning: null });
    expect(describeFor("network")).toMatchObject({ retry: true, message: strings.en.network, warning: null });
    expect(describeFor("server_error")).toMatchObject({ retry: true, message: strings.en.unavailable });
  });

  it("speaks the visitor's language", () => {
    expect(describeFailure("origin_not_allowed", "ru", "c", "https://a.example").message).toBe(
      strings.ru.originNotAllowed,
    );
  });
});

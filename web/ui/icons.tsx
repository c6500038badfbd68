import type { ReactNode, SVGProps } from "react";

type IconProps = Omit<SVGProps<SVGSVGElement>, "children"> & { size?: number };

const SvgIcon = ({ size = 18, children, ...rest }: IconProps & { children: ReactNode }) => (
  <svg
    xmlns="http://www.w3.org/2000/svg"
    width={size}
    height={size}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={1.8}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
    {...rest}
  >
    {children}
  </svg>
);

export const IconInbox = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M4 13h4l2 3h4l2-3h4" />
    <path d="M4 13l2.5-7h11l2.5 7v6H4z" />
  </SvgIcon>
);
export const IconSettings = (props: IconProps) => (
  <SvgIcon {...props}>
    <circle cx="12" cy="12" r="3" />
    <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
  </SvgIcon>
);
export const IconSearch = (props: IconProps) => (
  <SvgIcon {...props}>
    <circle cx="11" cy="11" r="7" />
    <path d="M21 21l-4.3-4.3" />
  </SvgIcon>
);
export const IconChevronDown = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M6 9l6 6 6-6" />
  </SvgIcon>
);
export const IconPlus = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M12 5v14M5 12h14" />
  </SvgIcon>
);
export const IconCheck = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M5 12l5 5L20 7" />
  </SvgIcon>
);
export const IconCopy = (props: IconProps) => (
  <SvgIcon {...props}>
    <rect x="8" y="8" width="12" height="12" rx="2" />
    <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
  </SvgIcon>
);
export const IconTrash = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M4 7h16M10 11v6M14 11v6" />
    <path d="M5 7l1 12a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2l1-12M9 7V4h6v3" />
  </SvgIcon>
);
export const IconLogout = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M14 8V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-2" />
    <path d="M9 12h12l-3-3M18 15l3-3" />
  </SvgIcon>
);
export const IconLanguage = (props: IconProps) => (
  <SvgIcon {...props}>
    <circle cx="12" cy="12" r="9" />
    <path d="M3.6 9h16.8M3.6 15h16.8M12 3a15 15 0 0 1 0 18M12 3a15 15 0 0 0 0 18" />
  </SvgIcon>
);
export const IconMessages = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M21 14l-3-3h-7a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h9a1 1 0 0 1 1 1z" />
    <path d="M14 15v2a1 1 0 0 1-1 1H6l-3 3V11a1 1 0 0 1 1-1h2" />
  </SvgIcon>
);
export const IconUser = (props: IconProps) => (
  <SvgIcon {...props}>
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21v-1a6 6 0 0 1 6-6h4a6 6 0 0 1 6 6v1" />
  </SvgIcon>
);
export const IconUsers = (props: IconProps) => (
  <SvgIcon {...props}>
    <circle cx="9" cy="8" r="4" />
    <path d="M3 21v-1a5 5 0 0 1 5-5h2a5 5 0 0 1 5 5v1M16 4a4 4 0 0 1 0 8M21 21v-1a5 5 0 0 0-3-4.5" />
  </SvgIcon>
);
export const IconKey = (props: IconProps) => (
  <SvgIcon {...props}>
    <circle cx="8" cy="15" r="4" />
    <path d="M10.8 12.2L20 3M17 6l3 3M15 8l2 2" />
  </SvgIcon>
);
export const IconMail = (props: IconProps) => (
  <SvgIcon {...props}>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="M3 7l9 6 9-6" />
  </SvgIcon>
);
export const IconBuilding = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M3 21h18M5 21V5a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v16" />
    <path d="M9 7h1M14 7h1M9 11h1M14 11h1M9 15h1M14 15h1" />
  </SvgIcon>
);
export const IconAddressBook = (props: IconProps) => (
  <SvgIcon {...props}>
    <rect x="5" y="3" width="14" height="18" rx="2" />
    <circle cx="12" cy="10" r="2.5" />
    <path d="M8.5 17a3.5 3.5 0 0 1 7 0" />
  </SvgIcon>
);
export const IconPlug = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M9 7V3M15 7V3M6 7h12v4a6 6 0 0 1-12 0z" />
    <path d="M12 17v4" />
  </SvgIcon>
);
export const IconAlert = (props: IconProps) => (
  <SvgIcon {...props}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 8v5M12 16h.01" />
  </SvgIcon>
);
export const IconKeyboard = (props: IconProps) => (
  <SvgIcon {...props}>
    <rect x="2" y="6" width="20" height="12" rx="2" />
    <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" />
  </SvgIcon>
);
export const IconClock = (props: IconProps) => (
  <SvgIcon {...props}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </SvgIcon>
);
export const IconCheckDouble = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M2 12l5 5L17 7M12 16l1 1L23 7" />
  </SvgIcon>
);
export const IconReply = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M9 14L4 9l5-5" />
    <path d="M4 9h10a6 6 0 0 1 6 6v4" />
  </SvgIcon>
);
export const IconX = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M6 6l12 12M18 6L6 18" />
  </SvgIcon>
);
export const IconSend = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M4 12l16-8-6 16-2-7z" />
    <path d="M12 13l8-9" />
  </SvgIcon>
);
export const IconEyeOff = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M3 3l18 18M10.6 6.1A9.8 9.8 0 0 1 12 6c5 0 9 6 9 6a17 17 0 0 1-2.6 3.2M6.3 7.7C4.2 9.3 3 12 3 12s4 6 9 6a8.6 8.6 0 0 0 4.1-1" />
    <path d="M9.9 9.9a3 3 0 0 0 4.2 4.2" />
  </SvgIcon>
);
export const IconArrowDown = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M12 5v14M6 13l6 6 6-6" />
  </SvgIcon>
);
export const IconPause = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M9 5v14M15 5v14" />
  </SvgIcon>
);
export const IconPlay = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M7 5l12 7-12 7z" />
  </SvgIcon>
);
export const IconPaperclip = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l7.9-7.9" />
  </SvgIcon>
);
export const IconPencil = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M4 20h4L19 9l-4-4L4 16z" />
    <path d="M13.5 6.5l4 4" />
  </SvgIcon>
);
export const IconDots = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M5 12h.01M12 12h.01M19 12h.01" strokeWidth={3} />
  </SvgIcon>
);
export const IconMapPin = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z" />
    <circle cx="12" cy="9.5" r="2.5" />
  </SvgIcon>
);
export const IconFile = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
    <path d="M14 3v5h5" />
  </SvgIcon>
);
export const IconMicrophone = (props: IconProps) => (
  <SvgIcon {...props}>
    <rect x="9" y="3" width="6" height="11" rx="3" />
    <path d="M5 11a7 7 0 0 0 14 0M12 18v3" />
  </SvgIcon>
);
export const IconExternalLink = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M14 4h6v6M20 4l-9 9" />
    <path d="M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
  </SvgIcon>
);
export const IconPointer = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M9 4v10l-2.5-2.5a1.5 1.5 0 0 0-2.1 2.1L9 18.2c1 1 2.3 1.8 3.8 1.8H14a5 5 0 0 0 5-5v-3.5a1.5 1.5 0 0 0-3 0V11" />
    <path d="M9 11V4a1.5 1.5 0 0 1 3 0v6M12 10V9a1.5 1.5 0 0 1 3 0v2M15 11a1.5 1.5 0 0 1 1 0" />
  </SvgIcon>
);
export const IconSettingsSliders = (props: IconProps) => (
  <SvgIcon {...props}>
    <path d="M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0" />
    <circle cx="16" cy="6" r="2" />
    <circle cx="10" cy="12" r="2" />
    <circle cx="18" cy="18" r="2" />
  </SvgIcon>
);

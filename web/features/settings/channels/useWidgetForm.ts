import { useState } from "react";
import { hasWidgetErrors, validateWidgetForm, type WidgetForm, type WidgetFormErrors } from "./widgetConfig";

/** The state of a widget form: values, the errors of the last check, and a setter that clears a field's error. */
export const useWidgetForm = (initial: WidgetForm, onEdit: () => void) => {
  const [form, setForm] = useState<WidgetForm>(initial);
  const [errors, setErrors] = useState<WidgetFormErrors>({});
  const set = <K extends keyof WidgetForm>(key: K, value: WidgetForm[K]) => {
    setForm((old) => ({ ...old, [key]: value }));
    setErrors((old) => ({ ...old, [key]: undefined, ...(key === "allowedOrigins" ? { badOrigins: undefined } : {}) }));
    onEdit();
  };
  /** Validates the form; true when it may be sent. */
  const check = (): boolean => {
    const next = validateWidgetForm(form);
    setErrors(next);
    return !hasWidgetErrors(next);
  };
  return { form, errors, set, check };
};

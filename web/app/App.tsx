import { BrowserRouter } from "react-router";
import { Notices } from "../ui/Notices";
import { AppRoutes } from "./AppRoutes";
import { Providers } from "./Providers";

export const App = () => (
  <Providers>
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
    <Notices />
  </Providers>
);

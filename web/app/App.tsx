import { BrowserRouter } from "react-router";
import { AppRoutes } from "./AppRoutes";
import { Providers } from "./Providers";

export const App = () => (
  <Providers>
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  </Providers>
);

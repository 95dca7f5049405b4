import { createRoot } from "react-dom/client";
import { App } from "./App";
import { session } from "./auth";
import "./styles.css";

const root = createRoot(document.getElementById("root")!);
root.render(<App />);
void session.start();

/** Renderer entry: placeholder until the renderer issue lands. */
import { createRoot } from 'react-dom/client';

const container = document.getElementById('root');
if (container) createRoot(container).render(<p>Nevent Companion</p>);

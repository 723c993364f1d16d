/**
 * The product's name and version as clients, the CLI and the window report them. The version is read
 * from package.json when the code is bundled (a named JSON import: only this field is inlined), so a
 * release changes it in one place.
 */
import { version } from '../package.json';

/** The product version, from package.json. */
export const productVersion: string = version;

/** The name MCP clients see in `serverInfo`. */
export const productServerName = 'nevent-companion';

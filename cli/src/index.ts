/** The `kompass` command line: check, summary and export. */
export { main, run } from './main';

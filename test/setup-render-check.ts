// Every card a test draws from a kept expansion (src/views/render.ts) is compared with adaptivecards-templating's own
// expansion of the same data: the whole suite checks the shortcut, not only its own test file.
import { checkKeptExpansions } from '../src/views/render';

checkKeptExpansions(true);

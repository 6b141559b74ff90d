// Every CLI command, in the order `conway --help` lists them. Add a command here and nowhere else.
import type { Command } from './command';

export const commands: Command[] = [];

/**
 * The renderer's pure modules that read XML use the browser's DOMParser and Node constants; in
 * Node the tests give them @xmldom/xmldom's, which parse well-formed documents the same way.
 */
import { DOMParser } from '@xmldom/xmldom';

const NODE_TYPES = { ELEMENT_NODE: 1, TEXT_NODE: 3, CDATA_SECTION_NODE: 4, PROCESSING_INSTRUCTION_NODE: 7, COMMENT_NODE: 8 };

export function installDomGlobals(): void {
  Object.assign(globalThis, { DOMParser, Node: NODE_TYPES });
}

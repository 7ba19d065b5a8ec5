/**
 * A deliberately strict reader for the XML subset JUnit reports use (declaration, elements, double-quoted
 * attributes, text, the five entities and numeric references), so tests can check that what the writer
 * produces is well-formed and reads back to the original text. It throws where a real parser would.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const LEGAL = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAME = /[A-Za-z_][\w.-]*/y;

function decodeEntities(text: string, where: string): string {
  return text.replace(/&([^;]*);|&/g, (match, entity: string | undefined) => {
    if (entity === undefined) throw new Error(`bare "&" in ${where}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (Object.hasOwn(named, entity)) return named[entity]!;
    const numeric = /^#(?:x([0-9a-f]+)|(\d+))$/i.exec(entity);
    if (!numeric) throw new Error(`unknown entity ${match} in ${where}`);
    const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
    const char = String.fromCodePoint(code);
    if (!LEGAL.test(char)) throw new Error(`reference to illegal character ${match} in ${where}`);
    return char;
  });
}

export function parseXml(input: string): XmlElement {
  if (!LEGAL.test(input)) throw new Error('document contains characters illegal in XML 1.0');
  // End-of-line normalisation happens before anything else, as in a real parser.
  const source = input.replace(/\r\n?/g, '\n');
  let pos = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${pos}`);
  };
  const skipSpace = () => {
    while (pos < source.length && /\s/.test(source[pos]!)) pos++;
  };
  const readName = () => {
    NAME.lastIndex = pos;
    const match = NAME.exec(source);
    if (!match) fail('expected a name');
    pos = NAME.lastIndex;
    return match![0];
  };

  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end < 0) fail('unterminated declaration');
    pos = end + 2;
  }

  const readElement = (): XmlElement => {
    skipSpace();
    if (source[pos] !== '<') fail('expected "<"');
    pos++;
    const element: XmlElement = { name: readName(), attributes: {}, children: [], text: '' };
    for (;;) {
      const before = pos;
      skipSpace();
      if (source.startsWith('/>', pos)) {
        pos += 2;
        return element;
      }
      if (source[pos] === '>') {
        pos++;
        break;
      }
      if (pos === before) fail('expected whitespace before an attribute');
      const name = readName();
      if (Object.hasOwn(element.attributes, name)) fail(`duplicate attribute ${name}`);
      if (source[pos] !== '=' || source[pos + 1] !== '"') fail('expected =" after attribute name');
      const end = source.indexOf('"', pos + 2);
      if (end < 0) fail('unterminated attribute');
      const raw = source.slice(pos + 2, end);
      if (raw.includes('<')) fail('"<" in attribute value');
      // Attribute-value normalisation: literal whitespace characters become spaces, references survive.
      element.attributes[name] = decodeEntities(raw.replace(/[\t\n]/g, ' '), `attribute ${name}`);
      pos = end + 1;
    }
    for (;;) {
      const next = source.indexOf('<', pos);
      if (next < 0) fail(`unclosed <${element.name}>`);
      const text = source.slice(pos, next);
      if (text.includes(']]>')) fail('"]]>" in text');
      element.text += decodeEntities(text, `<${element.name}> text`);
      pos = next;
      if (source.startsWith('</', pos)) {
        pos += 2;
        const name = readName();
        if (name !== element.name) fail(`</${name}> closes <${element.name}>`);
        skipSpace();
        if (source[pos] !== '>') fail('expected ">"');
        pos++;
        return element;
      }
      element.children.push(readElement());
    }
  };

  const root = readElement();
  skipSpace();
  if (pos !== source.length) fail('content after the root element');
  return root;
}

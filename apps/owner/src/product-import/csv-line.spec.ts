import { describe, expect, it } from 'vitest';
import { parseCsvLine, splitLines } from './csv-line.js';

describe('splitLines (contract §3.1 line rules)', () => {
  it.each([
    ['', []],
    ['a', ['a']],
    ['a\n', ['a']],
    ['a\r\n', ['a']],
    ['a\nb', ['a', 'b']],
    ['a\r\nb\r\n', ['a', 'b']],
    ['\n', ['']],
    ['a\n\nb', ['a', '', 'b']],
    ['a\n\n', ['a', '']],
    ['a\r\r\n', ['a\r']],
    ['a\rb', ['a\rb']],
    ['\r', ['']],
  ])('%j → %j', (text, lines) => {
    expect(splitLines(text)).toEqual(lines);
  });
});

describe('parseCsvLine', () => {
  it.each([
    ['', ['']],
    ['a,b,c', ['a', 'b', 'c']],
    ['a,,c', ['a', '', 'c']],
    [',,', ['', '', '']],
    ['a,b,', ['a', 'b', '']],
    [' a , b ', [' a ', ' b ']],
    ['Tools,"Wrench, 10 mm",4.5', ['Tools', 'Wrench, 10 mm', '4.5']],
    ['"a""b",c', ['a"b', 'c']],
    ['""', ['']],
    ['""""', ['"']],
    ['"",x', ['', 'x']],
    ['a"b,c', ['a"b', 'c']],
    ['a,b"c"d,e', ['a', 'b"c"d', 'e']],
    [' "a,b",c', [' "a', 'b"', 'c']],
    ['"ab"c,d', ['abc', 'd']],
    ['"ab"c"d",e', ['abc"d"', 'e']],
    ['"a|b",n,1', ['a|b', 'n', '1']],
  ])('%j → %j', (line, values) => {
    expect(parseCsvLine(line)).toEqual(values);
  });

  it.each(['"', '"abc', 'a,"b', '"a""', 'a,b,"c""d', '"a"",b'])('%j has an unterminated quote → null', (line) => {
    expect(parseCsvLine(line)).toBeNull();
  });
});

// talisman ships no types; only the function this folder uses is declared.
declare module 'talisman/phonetics/daitch-mokotoff.js' {
  /** Daitch–Mokotoff Soundex codes (six digits each) of a Latin name. */
  export default function daitchMokotoff(name: string): string[];
}

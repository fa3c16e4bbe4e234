/*
 * Dockerfile lexer: the physical-line layer of BuildKit's parser (frontend/dockerfile/parser).
 *
 * Three modes follow the context of a line:
 *   DEFAULT_MODE  between instructions: parser directives, comments, blank lines, the keyword
 *   ARGS          the rest of an instruction, across line continuations (which, with the
 *                 comment and blank lines BuildKit drops inside them, go to the HIDDEN channel,
 *                 so the parser sees the logical line)
 *   HEREDOC       heredoc bodies, raw lines until each terminator
 *
 * The grammar holds no actions. DockerfileLexerBase keeps the state the rules predicate on
 * (the escape character, whether directives are still allowed, whether flags may still follow
 * the keyword) and opens and closes heredoc bodies after each logical line.
 */
lexer grammar DockerfileLexer;

options { superClass = DockerfileLexerBase; }

channels { DROPPED }

tokens { HEREDOC_END, HEREDOC_UNTERMINATED }

// ---- DEFAULT_MODE: at the start of a line, outside any instruction ----

// `# key=value` while still in the directive block (the first lines of the file) and naming a
// known directive (syntax, escape, check); otherwise it is an ordinary comment.
DIRECTIVE : [ \t\f\u000B]* '#' [ \t\f\u000B]* [a-zA-Z] [a-zA-Z0-9]* [ \t\f\u000B]* '=' ~[\r\n]* {isDirective()}? ;

COMMENT : [ \t\f\u000B]* '#' ~[\r\n]* ;

NL : '\r'* '\n' ;

WS : [ \t\f\u000B\r]+ ;

// The instruction keyword: the first word of a line. BuildKit splits it off at the first blank;
// the escape characters are left out so that `RUN\` continues. What follows is in ARGS mode.
KEYWORD : ~[ \t\f\u000B\r\n#] ~[ \t\f\u000B\r\n\\`]* -> pushMode(ARGS) ;

mode ARGS;

// A flag (`--mount=type=cache,target=/x`, `--platform=$P`) before the first argument. Quotes
// inside a flag may hold blanks; the escape character protects the next character.
FLAG : '--' ( ~[ \t\f\u000B\r\n"'\\`] | '"' ~["\r\n]* '"' | '\'' ~['\r\n]* '\'' | [\\`] ~[ \t\r\n] )* {atFlagPosition()}? ;

// The escape character (`\` or, with `# escape=``, a backtick) at the end of a line, with only
// blanks after it, continues the instruction; an escaped escape (`\\`) at the end does not.
CONTINUATION : [\\`] [ \t]* '\r'* '\n' {isContinuation()}? -> channel(HIDDEN) ;

// Inside a continued instruction BuildKit drops comment lines and blank lines.
CONTINUED_COMMENT : [ \t\f\u000B]* '#' ~[\r\n]* ('\r'* '\n')? {atContinuedLineStart()}? -> channel(DROPPED) ;
CONTINUED_BLANK : [ \t\f\u000B\r]* '\n' {atContinuedLineStart()}? -> channel(DROPPED) ;

ARG_WS : [ \t\f\u000B]+ ;

ARG_NL : '\r'* '\n' -> popMode ;

TEXT : ~[ \t\f\u000B\r\n\\`]+ ;

ESCAPE_CHAR : [\\`] ;

CR : '\r' ;

mode HEREDOC;

// One raw line of a heredoc body. DockerfileLexerBase retypes the terminator line as
// HEREDOC_END and leaves the mode after the last terminator; at end of input it emits
// HEREDOC_UNTERMINATED.
HEREDOC_LINE : ~[\n]+ '\n'? | '\n' ;

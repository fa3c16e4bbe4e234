/*
 * Dockerfile lexer: the physical-line layer of BuildKit's parser (frontend/dockerfile/parser).
 *
 * Modes follow the context of a line:
 *   DEFAULT_MODE  between instructions: parser directives, comments, blank lines, the keyword
 *   ARGS          the rest of an instruction, across line continuations (which go to the
 *                 HIDDEN channel, so the parser sees the logical line)
 *   CONT          the start of a line continued from the previous one, where BuildKit drops
 *                 comment lines and blank lines (DROPPED channel)
 *   ARGS_BT, CONT_BT  the same two with the backtick as escape character (`# escape=``)
 *   HEREDOC       heredoc bodies, raw lines until each terminator
 *
 * The grammar holds no actions and no predicates, so ANTLR's lexer DFA caches every state (a
 * predicate would make the lexer simulate the ATN again for every character it guards).
 * DockerfileLexerBase does what depends on state: it sends ARGS/CONT to their backtick twins
 * when the escape directive says so, retypes a COMMENT in the directive block as DIRECTIVE and
 * a FLAG after the first argument as TEXT, and opens and closes heredoc bodies after each
 * logical line.
 */
lexer grammar DockerfileLexer;

options { superClass = DockerfileLexerBase; }

channels { DROPPED }

// DIRECTIVE: a COMMENT in the directive block naming a known directive (DockerfileLexerBase).
// HEREDOC_END / HEREDOC_UNTERMINATED: see mode HEREDOC.
tokens { DIRECTIVE, HEREDOC_END, HEREDOC_UNTERMINATED }

fragment BLANK : [ \t\f\u000B] ;
fragment LINE_END : '\r'* '\n' ;
// A flag's body: quotes inside it may hold blanks; an escape character protects the next one.
fragment FLAG_BODY : ~[ \t\f\u000B\r\n"'\\`] | '"' ~["\r\n]* '"' | '\'' ~['\r\n]* '\'' | [\\`] ~[ \t\r\n] ;
fragment TEXT_CHARS : ~[ \t\f\u000B\r\n\\`]+ ;

// ---- DEFAULT_MODE: at the start of a line, outside any instruction ----

COMMENT : BLANK* '#' ~[\r\n]* ;

NL : LINE_END ;

WS : [ \t\f\u000B\r]+ ;

// The instruction keyword: the first word of a line. BuildKit splits it off at the first blank;
// the escape characters are left out so that `RUN\` continues. What follows is in ARGS mode.
KEYWORD : ~[ \t\f\u000B\r\n#] ~[ \t\f\u000B\r\n\\`]* -> pushMode(ARGS) ;

mode ARGS;

// A flag (`--mount=type=cache,target=/x`, `--platform=$P`); after the first argument the lexer
// base retypes it as TEXT.
FLAG : '--' FLAG_BODY* ;

// The escape character at the end of a line, with only blanks after it, continues the
// instruction. A run of two or more escape characters is text: `\\` at the end does not
// continue (BuildKit's `([^E])E[ \t]*$|^E[ \t]*$`).
CONTINUATION : '\\' [ \t]* LINE_END -> channel(HIDDEN), mode(CONT) ;
ESCAPED_ESCAPE : '\\' '\\'+ -> type(TEXT) ;
ESCAPE_CHAR : '\\' ;
OTHER_ESCAPE : '`' -> type(ESCAPE_CHAR) ;

ARG_WS : BLANK+ ;

ARG_NL : LINE_END -> popMode ;

TEXT : TEXT_CHARS ;

CR : '\r' ;

mode CONT;

// Inside a continued instruction BuildKit drops comment lines and blank lines; anything else
// resumes the arguments.
CONTINUED_COMMENT : BLANK* '#' ~[\r\n]* LINE_END? -> channel(DROPPED) ;
CONTINUED_BLANK : [ \t\f\u000B\r]* '\n' -> channel(DROPPED) ;
CONT_CONTINUATION : '\\' [ \t]* LINE_END -> type(CONTINUATION), channel(HIDDEN) ;
CONT_WS : BLANK+ -> type(ARG_WS), mode(ARGS) ;
CONT_FLAG : '--' FLAG_BODY* -> type(FLAG), mode(ARGS) ;
CONT_ESCAPED_ESCAPE : '\\' '\\'+ -> type(TEXT), mode(ARGS) ;
CONT_ESCAPE : [\\`] -> type(ESCAPE_CHAR), mode(ARGS) ;
CONT_TEXT : TEXT_CHARS -> type(TEXT), mode(ARGS) ;
CONT_CR : '\r' -> type(CR), mode(ARGS) ;

// ---- the same two modes with the backtick as escape character ----

mode ARGS_BT;

BT_FLAG : '--' FLAG_BODY* -> type(FLAG) ;
BT_CONTINUATION : '`' [ \t]* LINE_END -> type(CONTINUATION), channel(HIDDEN), mode(CONT) ;
BT_ESCAPED_ESCAPE : '`' '`'+ -> type(TEXT) ;
BT_ESCAPE_CHAR : [\\`] -> type(ESCAPE_CHAR) ;
BT_ARG_WS : BLANK+ -> type(ARG_WS) ;
BT_ARG_NL : LINE_END -> type(ARG_NL), popMode ;
BT_TEXT : TEXT_CHARS -> type(TEXT) ;
BT_CR : '\r' -> type(CR) ;

mode CONT_BT;

BT_CONTINUED_COMMENT : BLANK* '#' ~[\r\n]* LINE_END? -> type(CONTINUED_COMMENT), channel(DROPPED) ;
BT_CONTINUED_BLANK : [ \t\f\u000B\r]* '\n' -> type(CONTINUED_BLANK), channel(DROPPED) ;
BT_CONT_CONTINUATION : '`' [ \t]* LINE_END -> type(CONTINUATION), channel(HIDDEN) ;
BT_CONT_WS : BLANK+ -> type(ARG_WS), mode(ARGS) ;
BT_CONT_FLAG : '--' FLAG_BODY* -> type(FLAG), mode(ARGS) ;
BT_CONT_ESCAPED_ESCAPE : '`' '`'+ -> type(TEXT), mode(ARGS) ;
BT_CONT_ESCAPE : [\\`] -> type(ESCAPE_CHAR), mode(ARGS) ;
BT_CONT_TEXT : TEXT_CHARS -> type(TEXT), mode(ARGS) ;
BT_CONT_CR : '\r' -> type(CR), mode(ARGS) ;

mode HEREDOC;

// One raw line of a heredoc body. DockerfileLexerBase retypes the terminator line as
// HEREDOC_END and leaves the mode after the last terminator; at end of input it emits
// HEREDOC_UNTERMINATED.
HEREDOC_LINE : ~[\n]+ '\n'? | '\n' ;

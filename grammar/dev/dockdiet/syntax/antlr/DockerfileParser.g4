/*
 * Dockerfile parser: lines into directives, comments and instructions. Every token sequence the
 * lexer can produce is accepted, so a Dockerfile always yields a tree; what BuildKit rejects
 * (unknown instructions, malformed ENV, bad flags...) is decided on the typed model and reported
 * as DD001 findings with their positions, not as ANTLR errors.
 */
parser grammar DockerfileParser;

options { tokenVocab = DockerfileLexer; }

dockerfile : (directive | comment | blankLine | instruction)* EOF ;

directive : DIRECTIVE NL ;

comment : COMMENT NL ;

blankLine : WS? NL ;

// A logical line: keyword, flags, arguments, then the bodies of the heredocs it opened.
// Blanks between and after the arguments belong to `arguments`, so that each loop decides on one
// token of lookahead.
instruction : WS? keyword (ARG_WS+ flag)* (ARG_WS+ arguments?)? ARG_NL heredoc* ;

// Text glued to the keyword across a continuation (`RUN\` + `echo`) belongs to it, as in BuildKit.
// The token sets are written out (no `word` sub-rule) so that a long argument list does not
// cost a rule context per token.
keyword : KEYWORD (TEXT | ESCAPE_CHAR | CR)* ;

flag : FLAG (TEXT | ESCAPE_CHAR | CR)* ;

arguments : (TEXT | ESCAPE_CHAR | CR) (TEXT | ESCAPE_CHAR | CR | FLAG | ARG_WS)* ;

heredoc : HEREDOC_LINE* (HEREDOC_END | HEREDOC_UNTERMINATED) ;

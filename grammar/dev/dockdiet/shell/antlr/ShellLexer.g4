/*
 * Lexer for the POSIX sh / bash subset found in Dockerfile RUN instructions.
 *
 * No actions here: the superclass ShellLexerBase
 *  - decides where blanks separate words (a BLANK token is kept only between two word parts,
 *    so the parser never sees blanks around operators),
 *  - pops back to double-quote mode at the ')' that closes a "$(" opened inside quotes,
 *  - reads heredoc bodies after the newline that ends the line of their '<<' operator and puts
 *    them on the HEREDOCS channel.
 * Predicates sit at the end of rules.
 */
lexer grammar ShellLexer;

options { superClass = ShellLexerBase; }

channels { COMMENTS, HEREDOCS }

tokens { HEREDOC_BODY }

// ---------------------------------------------------------------- default mode: command syntax

COMMENT      : '#' ~[\r\n]* {atWordStart()}? -> channel(COMMENTS) ;
NEWLINE      : '\r'? '\n' ;
// a backslash-newline that survived is a line continuation: blank space
BLANK        : ( [ \t\r\f] | '\\' '\r'? '\n' )+ ;

AND_IF       : '&&' ;
OR_IF        : '||' ;
DSEMI_AMP    : ';;&' ;
DSEMI        : ';;' ;
SEMI_AMP     : ';&' ;
SEMI         : ';' ;
PIPE_AMP     : '|&' ;
PIPE         : '|' ;
HERESTRING   : [0-9]* '<<<' ;
HEREDOC      : [0-9]* '<<' '-'? ;
REDIR        : [0-9]* ( '>' | '>>' | '>|' | '<' | '<>' | '>&' | '<&' ) | '&>' | '&>>' ;
AMP          : '&' ;
PROC_SUBST   : [<>] '(' ;
// (( arithmetic )) and [[ test ]] commands, each one token (their insides are not sh syntax)
ARITH_CMD    : '((' ARITH_BODY '))' {atWordStart()}? ;
DBRACKET     : '[[' DBRACKET_BODY ']]' {atWordStart()}? ;
LPAREN       : '(' ;
RPAREN       : ')' ;

// reserved words: recognised by the parser only where a command starts
IF           : 'if' ;
THEN         : 'then' ;
ELIF         : 'elif' ;
ELSE         : 'else' ;
FI           : 'fi' ;
FOR          : 'for' ;
IN           : 'in' ;
DO           : 'do' ;
DONE         : 'done' ;
WHILE        : 'while' ;
UNTIL        : 'until' ;
CASE         : 'case' ;
ESAC         : 'esac' ;
FUNCTION     : 'function' ;
LBRACE       : '{' ;
RBRACE       : '}' ;
BANG         : '!' ;

// NAME=( or NAME+=( : a bash array assignment; its elements follow as words up to ')'
ARRAY_ASSIGN : [a-zA-Z_] [a-zA-Z0-9_]* '+'? '=(' ;
// NAME= or NAME+= : an assignment when it starts a word before the command name
ASSIGN       : [a-zA-Z_] [a-zA-Z0-9_]* '+'? '=' ;
EQUALS       : '=' ;

SQ_STRING    : '\'' ~'\''* '\'' ;
ANSI_C       : '$\'' ( '\\' . | ~['\\] )* '\'' ;
ARITH        : '$((' ARITH_BODY '))' ;
DOLLAR_LPAREN: '$(' ;
PARAM        : '${' PARAM_BODY '}' ;
VAR          : VAR_FRAG ;
DOLLAR       : '$' ;
BACKTICK     : BACKTICK_FRAG ;
DQ_START     : '"' -> pushMode(DQ) ;

WORD         : ( ~[ \t\r\n\f|&;()<>'"`\\$=] | '\\' . )+ ;

fragment VAR_FRAG      : '$' ( [a-zA-Z_] [a-zA-Z0-9_]* | [0-9] | [@*#?$!-] ) ;
fragment BACKTICK_FRAG : '`' ( '\\' . | ~[`\\] )* '`' ;
fragment ARITH_BODY    : ( ~[()] | '(' ARITH_BODY ')' )* ;
fragment DBRACKET_BODY : ( ~[\]] | ']' ~[\]] )* ;
fragment PARAM_BODY    : ( '${' PARAM_BODY '}' | '\\' . | ~[}\\] )* ;

// ---------------------------------------------------------------- inside "double quotes"

mode DQ;

DQ_END           : '"' -> popMode ;
DQ_TEXT          : ( ~["\\$`] | '\\' . )+ ;
DQ_ARITH         : '$((' ARITH_BODY '))' -> type(ARITH) ;
DQ_DOLLAR_LPAREN : '$(' -> type(DOLLAR_LPAREN), pushMode(DEFAULT_MODE) ;
DQ_PARAM         : '${' PARAM_BODY '}' -> type(PARAM) ;
DQ_VAR           : VAR_FRAG -> type(VAR) ;
DQ_DOLLAR        : '$' -> type(DOLLAR) ;
DQ_BACKTICK      : BACKTICK_FRAG -> type(BACKTICK) ;

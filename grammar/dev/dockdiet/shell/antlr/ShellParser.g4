/*
 * Parser for the POSIX sh / bash subset found in Dockerfile RUN instructions.
 *
 * The lexer (see ShellLexer.g4 / ShellLexerBase) emits BLANK only between two words, so blanks
 * appear here only where they separate words: between the words of a simple command and after
 * reserved words. Reserved words are words too (e.g. `echo done`), but never start a simple
 * command, which is what lets a list inside a compound command end at `then`, `do`, `fi`, ...
 * The grammar is SLL: no decision needs full context and none is ambiguous (see
 * ShellGrammarProfileTest).
 */
parser grammar ShellParser;

options { tokenVocab = ShellLexer; }

script       : linebreak listBody? EOF ;

// a sequence of and-or lists joined by ';', '&' or newlines
listBody     : andOr (separator andOr)* separator? ;
compoundList : linebreak listBody ;
separator    : (SEMI | AMP) linebreak
             | newlineList
             ;
sequentialSep: SEMI linebreak
             | newlineList
             ;
newlineList  : NEWLINE+ ;
linebreak    : NEWLINE* ;

andOr        : pipeline ((AND_IF | OR_IF) linebreak pipeline)* ;
pipeline     : (BANG BLANK?)? command ((PIPE | PIPE_AMP) linebreak command)* ;

command      : simpleCommand
             | compoundCommand redirect*
             | functionDef
             ;

compoundCommand
             : braceGroup
             | subshell
             | ifClause
             | forClause
             | whileClause
             | caseClause
             | arithCommand
             | testCommand
             ;

arithCommand : ARITH_CMD ;
testCommand  : DBRACKET ;

braceGroup   : LBRACE BLANK? compoundList RBRACE ;
subshell     : LPAREN compoundList RPAREN ;

ifClause     : IF BLANK? condition THEN BLANK? body elifPart* elsePart? FI ;
elifPart     : ELIF BLANK? condition THEN BLANK? body ;
elsePart     : ELSE BLANK? body ;

forClause    : FOR BLANK word
               ( BLANK IN (BLANK word)* sequentialSep
               | sequentialSep
               | BLANK
               )
               DO BLANK? body DONE
             | FOR ARITH_CMD sequentialSep? DO BLANK? body DONE
             ;
whileClause  : (WHILE | UNTIL) BLANK? condition DO BLANK? body DONE ;

// items are separated by ';;' (or ';&', ';;&'), only the last may omit it, as in sh and bash:
// letting an item follow a body directly made the word loop need unbounded lookahead (quadratic
// parsing of long words)
caseClause   : CASE BLANK word BLANK IN BLANK? linebreak (caseItem (caseEnd linebreak caseItem)* (caseEnd linebreak)?)? ESAC ;
caseItem     : LPAREN? nameWord (PIPE word)* RPAREN BLANK? linebreak listBody? ;
caseEnd      : DSEMI | SEMI_AMP | DSEMI_AMP ;

condition    : compoundList ;
body         : compoundList ;

// the body is set apart from the name (in bash `function f{` names the function `f{`); letting
// it touch the name made the word loop need unbounded lookahead
functionDef  : FUNCTION BLANK word (LPAREN RPAREN BLANK? linebreak | BLANK linebreak | newlineList) compoundCommand redirect*
             | nameWord LPAREN RPAREN BLANK? linebreak compoundCommand redirect*
             ;

// a simple command: assignments, words and redirections (which of the leading words are
// assignments is decided by the model: a word that starts with NAME= before the command name)
simpleCommand: cmdStart (BLANK word | BLANK arrayAssign | redirect)* ;
cmdStart     : redirect
             | nameWord
             | arrayAssign
             ;

// bash arrays: NAME=(a b c), elements separated by blanks or newlines
arrayAssign  : ARRAY_ASSIGN linebreak (word ((BLANK | newlineList) word)* linebreak)? RPAREN ;

redirect     : (REDIR | HERESTRING | HEREDOC) word ;

// a word is a run of adjacent parts; the first word of a command cannot be a reserved word
nameWord     : namePart wordPart* ;
word         : wordPart+ ;
wordPart     : namePart
             | reserved
             ;
namePart     : WORD
             | EQUALS
             | ASSIGN
             | SQ_STRING
             | ANSI_C
             | VAR
             | PARAM
             | ARITH
             | BACKTICK
             | DOLLAR
             | dqString
             | commandSubst
             | procSubst
             ;
reserved     : IF | THEN | ELIF | ELSE | FI | FOR | IN | DO | DONE | WHILE | UNTIL | CASE | ESAC
             | FUNCTION | LBRACE | RBRACE | BANG
             ;

dqString     : DQ_START dqPart* DQ_END ;
dqPart       : DQ_TEXT
             | VAR
             | PARAM
             | ARITH
             | BACKTICK
             | DOLLAR
             | commandSubst
             ;

commandSubst : DOLLAR_LPAREN linebreak listBody? RPAREN ;
procSubst    : PROC_SUBST linebreak listBody? RPAREN ;

package io.parley.catalog.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.parley.catalog.ddl.Token.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

    private static List<Token> tokens(String text) {
        return Lexer.tokenize(text);
    }

    private static List<String> texts(String text) {
        return tokens(text).stream().map(Token::text).toList();
    }

    private static DdlException failure(String text) {
        return catchThrowableOfType(DdlException.class, () -> Lexer.tokenize(text));
    }

    @Test
    void givesEveryTokenItsLineAndColumn() {
        List<Token> tokens = tokens("CREATE QUEUE\n  [My Q];");

        assertThat(tokens).containsExactly(
                new Token(Kind.WORD, "CREATE", new SourcePosition(1, 1)),
                new Token(Kind.WORD, "QUEUE", new SourcePosition(1, 8)),
                new Token(Kind.QUOTED_NAME, "My Q", new SourcePosition(2, 3)),
                new Token(Kind.SEPARATOR, ";", new SourcePosition(2, 9)),
                new Token(Kind.END, "", new SourcePosition(2, 10)));
    }

    @Test
    void keepsTheCaseOfWordsAndComparesKeywordsIgnoringIt() {
        Token word = tokens("cReAtE").get(0);

        assertThat(word.text()).isEqualTo("cReAtE");
        assertThat(word.isKeyword("CREATE")).isTrue();
    }

    @Test
    void undoesDoubledClosingCharactersInsideQuotes() {
        assertThat(texts("[a]]b] \"c\"\"d\" 'e''f'")).containsExactly("a]b", "c\"d", "e'f", "");
    }

    @Test
    void readsBracketedAndQuotedNamesAsNamesNeverAsKeywords() {
        assertThat(tokens("[CREATE] \"ON\"").subList(0, 2))
                .extracting(Token::kind)
                .containsExactly(Kind.QUOTED_NAME, Kind.QUOTED_NAME);
    }

    @Test
    void readsUnicodeStringsWithTheirNPrefix() {
        List<Token> tokens = tokens("N'tcp://h:4022' n'x' Nope");

        assertThat(tokens.get(0)).isEqualTo(new Token(Kind.STRING, "tcp://h:4022", new SourcePosition(1, 1)));
        assertThat(tokens.get(1)).isEqualTo(new Token(Kind.STRING, "x", new SourcePosition(1, 17)));
        assertThat(tokens.get(2)).isEqualTo(new Token(Kind.WORD, "Nope", new SourcePosition(1, 22)));
    }

    @Test
    void readsIntegersWithTheirSign() {
        assertThat(tokens("5 -30 +7").subList(0, 3))
                .extracting(Token::kind, Token::text)
                .containsExactly(tuple(Kind.INTEGER, "5"), tuple(Kind.INTEGER, "-30"), tuple(Kind.INTEGER, "+7"));
    }

    @Test
    void skipsLineAndNestedBlockComments() {
        List<Token> tokens = tokens("-- first\nDROP /* a /* nested */ still comment */ QUEUE -- last");

        assertThat(tokens).extracting(Token::text).containsExactly("DROP", "QUEUE", "");
        assertThat(tokens.get(1).position()).isEqualTo(new SourcePosition(2, 41));
    }

    @Test
    void treatsALineHoldingOnlyGoAsASeparator() {
        List<Token> tokens = tokens("DROP QUEUE a\n  go  -- batch end\nDROP QUEUE b\nGO");

        assertThat(tokens).extracting(Token::kind).containsExactly(
                Kind.WORD, Kind.WORD, Kind.WORD, Kind.SEPARATOR,
                Kind.WORD, Kind.WORD, Kind.WORD, Kind.SEPARATOR, Kind.END);
        assertThat(tokens.get(3).position()).isEqualTo(new SourcePosition(2, 3));
    }

    @Test
    void recognisesGoLinesEndedTheWindowsWay() {
        assertThat(tokens("DROP QUEUE a\r\nGO\r\nDROP QUEUE b").get(3))
                .isEqualTo(new Token(Kind.SEPARATOR, "GO", new SourcePosition(2, 1)));
    }

    @Test
    void treatsGoSharingALineWithOtherTokensAsAWord() {
        assertThat(tokens("DROP QUEUE GO\nGO x")).extracting(Token::kind).containsExactly(
                Kind.WORD, Kind.WORD, Kind.WORD, Kind.WORD, Kind.WORD, Kind.END);
    }

    @Test
    void reportsAnUnterminatedStringAtItsStart() {
        DdlException e = failure("DROP ROUTE\n   'abc");

        assertThat(e.position()).isEqualTo(new SourcePosition(2, 4));
        assertThat(e).hasMessage("line 2, column 4: this string is never closed with '");
    }

    @Test
    void reportsAnUnterminatedBracketedName() {
        assertThat(failure("DROP QUEUE [q")).hasMessage("line 1, column 12: this bracketed name is never closed with ]");
    }

    @Test
    void reportsAnUnterminatedComment() {
        assertThat(failure("x /* a /* b */")).hasMessage("line 1, column 3: this comment is never closed with */");
    }

    @Test
    void reportsACharacterThatStartsNoToken() {
        DdlException e = failure("DROP QUEUE q\n  & x");

        assertThat(e).hasMessage("line 2, column 3: unexpected character '&'");
        assertThat(e.errorNumber()).isZero();
        assertThat(e.objectNames()).isEmpty();
    }
}

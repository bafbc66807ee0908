package io.streampulse.bridge.chekt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChektAnswerTest {

    @ParameterizedTest(name = "{0} -> acknowledged={2} retryable={3}")
    @CsvSource(delimiter = '|', textBlock = """
            200 | {"result":"ok"} | true  | false | HTTP 200 {"result":"ok"}
            202 | ''              | true  | false | HTTP 202
            401 | unauthorized    | false | false | HTTP 401 unauthorized: the CHEKT bridge refused the API token (check receivers.chekt.api_token)
            404 | ''              | false | false | HTTP 404: the CHEKT bridge has no such endpoint (check the path in receivers.chekt.url)
            400 | bad zone        | false | false | HTTP 400 bad zone: the CHEKT bridge rejected the request
            500 | boom            | false | true  | HTTP 500 boom
            503 | ''              | false | true  | HTTP 503
            """)
    void ofResponse_status_decidesAcknowledgedAndRetry(int status, String body, boolean acknowledged,
                                                         boolean retryable, String text) {
        assertEquals(new ChektAnswer(acknowledged, retryable, text), ChektAnswer.ofResponse(status, body));
    }

    @Test
    void shorten_longMultilineBody_isOneCappedLine() {
        String shortened = ChektAnswer.shorten("a\n  b" + "x".repeat(500));

        assertEquals(ChektAnswer.BODY_CHARS, shortened.length());
        assertEquals("a bxx", shortened.substring(0, 5));
    }

    @Test
    void shorten_whitespaceRuns_becomeOneSpaceWhereverTheyAre() {
        assertEquals("{\"result\": \"ok\"}", ChektAnswer.shorten("{\"result\": \"ok\"}"), "single spaces kept");
        assertEquals("a b c d e", ChektAnswer.shorten(" a  b\tc \r\nd\u000Be "));
        assertEquals("", ChektAnswer.shorten(" \n "));
    }

    @Test
    void delayAfter_doublesFromTheFirstDelay() {
        ChektRetry retry = new ChektRetry(4, Duration.ofMillis(100));

        assertEquals(Duration.ofMillis(100), retry.delayAfter(1));
        assertEquals(Duration.ofMillis(400), retry.delayAfter(3));
    }
}

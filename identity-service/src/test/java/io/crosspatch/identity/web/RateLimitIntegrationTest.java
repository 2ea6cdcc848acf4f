package io.crosspatch.identity.web;

import static io.crosspatch.identity.support.Enrollments.anyEnrollment;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.identity.support.Api;
import io.crosspatch.identity.support.IngressIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One source that floods the ingress is slowed down (429) without slowing down anyone else. */
class RateLimitIntegrationTest extends IngressIntegrationTest {

    @Test
    void shouldAnswer429OnceASourceSpentItsBurstWhileAnotherSourceIsStillAccepted() {
        // given: the test context allows a burst of 30 and 1 request per second
        Api flooding = newSource();
        List<Integer> statuses = new ArrayList<>();

        // when
        for (int i = 0; i < 40; i++) {
            statuses.add(flooding.postJson("/v1/enrollments", anyEnrollment(i)).statusCode());
        }
        HttpResponse<String> limited = flooding.postJson("/v1/enrollments", anyEnrollment(0));
        HttpResponse<String> other = newSource().postJson("/v1/enrollments", anyEnrollment(1));

        // then
        assertThat(statuses.subList(0, 25)).containsOnly(202);
        assertThat(statuses).contains(429);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Api.tree(limited).get("error").asText()).isEqualTo("RATE_LIMITED");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(other.statusCode()).as(other.body()).isEqualTo(202);
    }

    @Test
    void shouldLimitChallengesPerSourceToo() {
        Api flooding = newSource();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(flooding.postJson("/v1/challenges", "").statusCode());
        }
        assertThat(statuses.get(0)).isEqualTo(201);
        assertThat(statuses).contains(429);
    }
}

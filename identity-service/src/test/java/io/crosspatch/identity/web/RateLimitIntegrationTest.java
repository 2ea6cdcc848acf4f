package io.crosspatch.identity.web;

import static io.crosspatch.identity.support.Enrollments.anyEnrollment;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.identity.support.Api;
import io.crosspatch.identity.support.IngressIntegrationTest;
import io.crosspatch.identity.support.RawHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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
    void shouldNotGiveASpoofedForwardedForFromAPeerThatIsNoTrustedProxyAFreshBucket() {
        // given: a client connecting from 127.0.0.2, which is not among the trusted proxies (127.0.0.1, ::1)
        List<Integer> statuses = new ArrayList<>();

        // when: each request claims another client address
        for (int i = 0; i < 45; i++) {
            statuses.add(RawHttp.send(
                            "127.0.0.2",
                            port(),
                            "POST /v1/challenges HTTP/1.0\r\n"
                                    + "Host: 127.0.0.1\r\nContent-Length: 0\r\n"
                                    + "X-Forwarded-For: 203.0.113." + (i + 1) + "\r\n")
                    .status());
        }

        // then: they all came from 127.0.0.2, and its bucket ran out
        assertThat(statuses.get(0)).isEqualTo(201);
        assertThat(statuses).contains(429);
    }

    @Test
    void shouldTakeTheRightMostAddressThatIsNoTrustedProxyNotOneTheClientWroteBeforeIt() {
        // given: the load balancer (trusted) appended the client's real, private address after what the client sent
        String realClient = newSourceAddress();
        List<Integer> statuses = new ArrayList<>();

        // when: each request puts another forged address in front
        for (int i = 0; i < 45; i++) {
            Api forging = new Api(port(), "198.51.100." + (i + 1) + ", " + realClient);
            statuses.add(forging.postJson("/v1/challenges", "").statusCode());
        }

        // then
        assertThat(statuses.get(0)).isEqualTo(201);
        assertThat(statuses).contains(429);
    }

    @Test
    void shouldGiveAllIpv6AddressesOfOneSlash64OneBucket() {
        // given: one /64, as one IPv6 host (or customer) gets
        String prefix = String.format(
                "2001:db8:%x:%x:",
                ThreadLocalRandom.current().nextInt(0x10000),
                ThreadLocalRandom.current().nextInt(0x10000));
        List<Integer> statuses = new ArrayList<>();

        // when: each request comes from another address in it
        for (int i = 0; i < 45; i++) {
            Api rotating = new Api(port(), prefix + Integer.toHexString(i + 1) + ":0:0:" + Integer.toHexString(i + 7));
            statuses.add(rotating.postJson("/v1/challenges", "").statusCode());
        }
        HttpResponse<String> otherPrefix = new Api(port(), "2001:db8:ffff:fffe::1").postJson("/v1/challenges", "");

        // then
        assertThat(statuses.get(0)).isEqualTo(201);
        assertThat(statuses).contains(429);
        assertThat(otherPrefix.statusCode()).isEqualTo(201);
    }

    @Test
    void shouldAnswer429ToStatusPollsBeyondTheirOwnMoreGenerousLimit() {
        // given: a source that spent its enrollment bucket (the test context: status polls 20/s, burst 60)
        Api polling = newSource();
        for (int i = 0; i < 35; i++) {
            polling.postJson("/v1/challenges", "");
        }
        HttpResponse<String> firstPoll = polling.get("/v1/enrollments/enr-" + "0".repeat(32), "any-secret");
        List<Integer> statuses = new ArrayList<>();

        // when
        for (int i = 0; i < 150; i++) {
            statuses.add(polling.get("/v1/enrollments/enr-" + "0".repeat(32), "any-secret")
                    .statusCode());
        }
        HttpResponse<String> limited = polling.get("/v1/enrollments/enr-" + "0".repeat(32), "any-secret");

        // then: status polls have a bucket of their own, and it is limited too
        assertThat(firstPoll.statusCode()).isNotEqualTo(429);
        assertThat(statuses.subList(0, 40)).doesNotContain(429);
        assertThat(statuses).contains(429);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Api.tree(limited).get("error").asText()).isEqualTo("RATE_LIMITED");
    }

    private static String newSourceAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
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

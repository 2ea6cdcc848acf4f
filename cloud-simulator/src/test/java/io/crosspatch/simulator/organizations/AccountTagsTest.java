package io.crosspatch.simulator.organizations;

import static io.crosspatch.simulator.organizations.OrganizationsFixtures.anyAccountRequest;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.awaitCompleted;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.simulator.SharedSimulator;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationException;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationExceptionReason;
import software.amazon.awssdk.services.organizations.model.Tag;

/** TagResource, UntagResource and ListTagsForResource on member accounts. */
class AccountTagsTest {

    private static OrganizationsClient organizations;
    private static String accountId;

    @BeforeAll
    static void anAccount() {
        organizations = SharedSimulator.organizations(SharedSimulator.management());
        String requestId = organizations
                .createAccount(anyAccountRequest(uniqueEmail("tags")))
                .createAccountStatus()
                .id();
        SharedSimulator.get().clock().advance(Duration.ofSeconds(1));
        accountId = awaitCompleted(organizations, requestId).accountId();
    }

    @AfterAll
    static void closeClient() {
        organizations.close();
    }

    @Test
    void addsReplacesAndRemovesTags() {
        organizations.tagResource(r -> r.resourceId(accountId)
                .tags(tag("crosspatch:tenant", "globex"), tag("crosspatch:cloud-account", "gcp/p-1")));
        organizations.untagResource(r -> r.resourceId(accountId).tagKeys("crosspatch:provider"));

        assertThat(organizations
                        .listTagsForResource(r -> r.resourceId(accountId))
                        .tags())
                .containsExactlyInAnyOrder(
                        tag("crosspatch:tenant", "globex"), tag("crosspatch:cloud-account", "gcp/p-1"));
    }

    @Test
    void refusesToTagBeyondFiftyTagsAndKeepsTheTagsUnchanged() {
        List<Tag> before =
                organizations.listTagsForResource(r -> r.resourceId(accountId)).tags();
        List<Tag> tooMany = IntStream.rangeClosed(1, 50)
                .mapToObj(i -> tag("extra" + i, "v"))
                .toList();

        assertThatThrownBy(() ->
                        organizations.tagResource(r -> r.resourceId(accountId).tags(tooMany)))
                .isInstanceOfSatisfying(
                        ConstraintViolationException.class,
                        e -> assertThat(e.reason())
                                .isEqualTo(ConstraintViolationExceptionReason.MAX_TAG_LIMIT_EXCEEDED));
        assertThat(organizations
                        .listTagsForResource(r -> r.resourceId(accountId))
                        .tags())
                .isEqualTo(before);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}

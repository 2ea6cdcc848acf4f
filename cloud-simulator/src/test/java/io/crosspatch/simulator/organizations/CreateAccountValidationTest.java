package io.crosspatch.simulator.organizations;

import static io.crosspatch.simulator.organizations.OrganizationsFixtures.anyAccountRequest;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.simulator.SharedSimulator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationException;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationExceptionReason;
import software.amazon.awssdk.services.organizations.model.CreateAccountRequest;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.InvalidInputExceptionReason;
import software.amazon.awssdk.services.organizations.model.Tag;

/** Parameters that break the service model's constraints are refused with InvalidInputException and its Reason. */
class CreateAccountValidationTest {

    private static OrganizationsClient organizations;

    @BeforeAll
    static void client() {
        organizations = SharedSimulator.organizations(SharedSimulator.management());
    }

    @AfterAll
    static void closeClient() {
        organizations.close();
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                invalid("no e-mail", r -> r.email(null), InvalidInputExceptionReason.INPUT_REQUIRED),
                invalid("no account name", r -> r.accountName(null), InvalidInputExceptionReason.INPUT_REQUIRED),
                invalid(
                        "e-mail without @",
                        r -> r.email("not-an-address.example"),
                        InvalidInputExceptionReason.INVALID_EMAIL_ADDRESS_TARGET),
                invalid(
                        "e-mail with a space",
                        r -> r.email("first last@crosspatch.example"),
                        InvalidInputExceptionReason.INVALID_EMAIL_ADDRESS_TARGET),
                invalid(
                        "e-mail of 5 characters",
                        r -> r.email("a@b.c"),
                        InvalidInputExceptionReason.MIN_LENGTH_EXCEEDED),
                invalid(
                        "e-mail of 65 characters",
                        r -> r.email("a".repeat(46) + "@crosspatch.example"),
                        InvalidInputExceptionReason.MAX_LENGTH_EXCEEDED),
                invalid("empty account name", r -> r.accountName(""), InvalidInputExceptionReason.MIN_LENGTH_EXCEEDED),
                invalid(
                        "account name of 51 characters",
                        r -> r.accountName("n".repeat(51)),
                        InvalidInputExceptionReason.MAX_LENGTH_EXCEEDED),
                invalid(
                        "account name outside printable ASCII",
                        r -> r.accountName("Café"),
                        InvalidInputExceptionReason.INVALID_PATTERN),
                invalid(
                        "role name with a space",
                        r -> r.roleName("Admin Role"),
                        InvalidInputExceptionReason.INVALID_PATTERN),
                invalid(
                        "reserved role name prefix",
                        r -> r.roleName("AWSServiceRoleForCrosspatch"),
                        InvalidInputExceptionReason.INVALID_ROLE_NAME),
                invalid(
                        "unknown billing access",
                        r -> r.iamUserAccessToBilling("MAYBE"),
                        InvalidInputExceptionReason.INVALID_ENUM),
                invalid(
                        "system tag key",
                        r -> r.tags(tag("aws:cloudformation:stack", "x")),
                        InvalidInputExceptionReason.INVALID_SYSTEM_TAGS_PARAMETER),
                invalid(
                        "tag key twice",
                        r -> r.tags(tag("tenant", "a"), tag("tenant", "b")),
                        InvalidInputExceptionReason.DUPLICATE_TAG_KEY),
                invalid("empty tag key", r -> r.tags(tag("", "v")), InvalidInputExceptionReason.MIN_LENGTH_EXCEEDED),
                invalid(
                        "tag key of 129 characters",
                        r -> r.tags(tag("k".repeat(129), "v")),
                        InvalidInputExceptionReason.MAX_LENGTH_EXCEEDED),
                invalid(
                        "tag value of 257 characters",
                        r -> r.tags(tag("k", "v".repeat(257))),
                        InvalidInputExceptionReason.MAX_LENGTH_EXCEEDED),
                invalid(
                        "tag value with a forbidden character",
                        r -> r.tags(tag("k", "a;b")),
                        InvalidInputExceptionReason.INVALID_PATTERN),
                invalid(
                        "tag without value",
                        r -> r.tags(Tag.builder().key("k").build()),
                        InvalidInputExceptionReason.INPUT_REQUIRED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void refusesInvalidParametersWithTheDocumentedReason(
            String description,
            UnaryOperator<CreateAccountRequest.Builder> change,
            InvalidInputExceptionReason reason) {
        CreateAccountRequest request = change.apply(anyAccountRequest(uniqueEmail("invalid")).toBuilder())
                .build();

        assertThatThrownBy(() -> organizations.createAccount(request))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }

    @Test
    void acceptsTheBoundaryValues() {
        String email = uniqueEmail("edge");
        CreateAccountRequest request = anyAccountRequest(email).toBuilder()
                .accountName("~".repeat(50))
                .roleName("r".repeat(64))
                .iamUserAccessToBilling("DENY")
                .tags(tag("k".repeat(128), "v".repeat(256)), tag("empty-value", ""))
                .build();

        assertThat(organizations.createAccount(request).createAccountStatus().id())
                .startsWith("car-");
    }

    @Test
    void refusesMoreThanFiftyTagsWithConstraintViolation() {
        List<Tag> tags = IntStream.rangeClosed(1, 51)
                .mapToObj(i -> tag("key" + i, "value"))
                .toList();

        assertThatThrownBy(() -> organizations.createAccount(anyAccountRequest(uniqueEmail("tags")).toBuilder()
                        .tags(tags)
                        .build()))
                .isInstanceOfSatisfying(
                        ConstraintViolationException.class,
                        e -> assertThat(e.reason())
                                .isEqualTo(ConstraintViolationExceptionReason.MAX_TAG_LIMIT_EXCEEDED));
    }

    @Test
    void refusesMalformedIdsWithInvalidPattern() {
        assertThatThrownBy(() -> organizations.describeAccount(r -> r.accountId("12345")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidInputExceptionReason.INVALID_PATTERN));
        assertThatThrownBy(() -> organizations.describeCreateAccountStatus(r -> r.createAccountRequestId("request-1")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidInputExceptionReason.INVALID_PATTERN));
    }

    private static Arguments invalid(
            String description,
            UnaryOperator<CreateAccountRequest.Builder> change,
            InvalidInputExceptionReason reason) {
        return Arguments.of(description, change, reason);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}

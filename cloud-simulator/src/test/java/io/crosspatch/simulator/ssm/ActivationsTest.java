package io.crosspatch.simulator.ssm;

import static io.crosspatch.simulator.ssm.SsmFixtures.SSM_ROLE;
import static io.crosspatch.simulator.ssm.SsmFixtures.tag;
import static io.crosspatch.simulator.ssm.SsmFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.simulator.SharedSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmAsyncClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Activation;
import software.amazon.awssdk.services.ssm.model.CreateActivationResponse;
import software.amazon.awssdk.services.ssm.model.DescribeActivationsFilter;
import software.amazon.awssdk.services.ssm.model.DescribeActivationsFilterKeys;
import software.amazon.awssdk.services.ssm.model.DescribeActivationsResponse;
import software.amazon.awssdk.services.ssm.model.InvalidActivationException;
import software.amazon.awssdk.services.ssm.model.InvalidActivationIdException;
import software.amazon.awssdk.services.ssm.model.InvalidNextTokenException;
import software.amazon.awssdk.services.ssm.model.ValidationException;

/** CreateActivation, DescribeActivations and DeleteActivation through the real SDK. */
class ActivationsTest {

    private static final SsmClient ssm = SharedSimulator.ssm(SsmFixtures.management());

    @AfterAll
    static void closeClient() {
        ssm.close();
    }

    @Test
    void createsActivationThatExpiresInADayAndCarriesItsTags() {
        // given
        Instant now = SharedSimulator.get().clock().instant();

        // when
        CreateActivationResponse created = ssm.createActivation(r -> r.iamRole(SSM_ROLE)
                .description("web servers")
                .defaultInstanceName("web-1")
                .tags(tag("Patch Group", "early"), tag("Enrollment", "e-1")));

        // then
        assertThat(created.activationId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(created.activationCode()).hasSize(20);
        Activation activation = describe(created.activationId());
        assertThat(activation.description()).isEqualTo("web servers");
        assertThat(activation.defaultInstanceName()).isEqualTo("web-1");
        assertThat(activation.iamRole()).isEqualTo(SSM_ROLE);
        assertThat(activation.registrationLimit()).isEqualTo(1);
        assertThat(activation.registrationsCount()).isZero();
        assertThat(activation.expired()).isFalse();
        assertThat(activation.expirationDate())
                .isBetween(
                        now.plus(Duration.ofHours(24)).minusSeconds(5),
                        now.plus(Duration.ofHours(24)).plusSeconds(60));
        assertThat(activation.tags()).containsExactly(tag("Patch Group", "early"), tag("Enrollment", "e-1"));
    }

    @Test
    void refusesRegistrationLimitOutsideOneToAThousand() {
        assertThatThrownBy(() -> ssm.createActivation(r -> r.iamRole(SSM_ROLE).registrationLimit(0)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("registrationLimit")
                .hasMessageContaining("greater than or equal to 1");
        assertThatThrownBy(() -> ssm.createActivation(r -> r.iamRole(SSM_ROLE).registrationLimit(1001)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("less than or equal to 1000");
    }

    @Test
    void refusesExpiryMoreThanThirtyDaysAheadOrInThePast() {
        Instant now = SharedSimulator.get().clock().instant();

        assertThatThrownBy(() ->
                        ssm.createActivation(r -> r.iamRole(SSM_ROLE).expirationDate(now.plus(Duration.ofDays(31)))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("30 days");
        assertThatThrownBy(() -> ssm.createActivation(r -> r.iamRole(SSM_ROLE).expirationDate(now.minusSeconds(60))))
                .isInstanceOf(ValidationException.class);
        assertThat(ssm.createActivation(r -> r.iamRole(SSM_ROLE).expirationDate(now.plus(Duration.ofDays(29))))
                        .activationId())
                .isNotBlank();
    }

    @Test
    void refusesRoleThatDoesNotExistOrDoesNotTrustSsm() {
        assertThatThrownBy(() -> ssm.createActivation(r -> r.iamRole("NoSuchRole")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Nonexistent role or missing ssm service principal in trust policy");
        assertThatThrownBy(() -> ssm.createActivation(r -> r.iamRole("service-role/" + SSM_ROLE)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void describesActivationsPageByPageWithFilters() {
        // given three activations sharing a default instance name
        String name = unique("fleet");
        for (int i = 0; i < 3; i++) {
            ssm.createActivation(r -> r.iamRole(SSM_ROLE).defaultInstanceName(name));
        }
        DescribeActivationsFilter byName = DescribeActivationsFilter.builder()
                .filterKey(DescribeActivationsFilterKeys.DEFAULT_INSTANCE_NAME)
                .filterValues(name)
                .build();

        // when
        List<Integer> pageSizes = ssm
                .describeActivationsPaginator(r -> r.filters(byName).maxResults(2))
                .stream()
                .map(page -> page.activationList().size())
                .toList();

        // then
        assertThat(pageSizes).containsExactly(2, 1);
        assertThatThrownBy(() -> ssm.describeActivations(r -> r.maxResults(51)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ssm.describeActivations(r -> r.nextToken("not-a-token")))
                .isInstanceOf(InvalidNextTokenException.class);
    }

    @Test
    void deletesActivationAndRefusesADeletedOneAsInvalidActivationAndAnUnknownIdAsInvalidActivationId() {
        String id = ssm.createActivation(r -> r.iamRole(SSM_ROLE)).activationId();

        ssm.deleteActivation(r -> r.activationId(id));

        assertThat(ssm.describeActivations(r -> r.filters(byId(id))).activationList())
                .isEmpty();
        // AWS: InvalidActivation "might have been deleted"; InvalidActivationId for an id it does not know
        assertThatThrownBy(() -> ssm.deleteActivation(r -> r.activationId(id)))
                .isInstanceOf(InvalidActivationException.class);
        assertThatThrownBy(() -> ssm.deleteActivation(r -> r.activationId("00000000-0000-4000-8000-000000000000")))
                .isInstanceOf(InvalidActivationIdException.class);
    }

    @Test
    void worksThroughTheAsyncClientToo() {
        try (SsmAsyncClient async = SharedSimulator.ssmAsync(SsmFixtures.management())) {
            String id = async.createActivation(r -> r.iamRole(SSM_ROLE).registrationLimit(5))
                    .join()
                    .activationId();

            DescribeActivationsResponse described =
                    async.describeActivations(r -> r.filters(byId(id))).join();

            assertThat(described.activationList())
                    .singleElement()
                    .satisfies(activation ->
                            assertThat(activation.registrationLimit()).isEqualTo(5));
            assertThatThrownBy(() -> async.createActivation(
                                    r -> r.iamRole(SSM_ROLE).registrationLimit(0))
                            .join())
                    .hasCauseInstanceOf(ValidationException.class);
        }
    }

    private Activation describe(String activationId) {
        return ssm.describeActivations(r -> r.filters(byId(activationId)))
                .activationList()
                .get(0);
    }

    private static DescribeActivationsFilter byId(String activationId) {
        return DescribeActivationsFilter.builder()
                .filterKey(DescribeActivationsFilterKeys.ACTIVATION_IDS)
                .filterValues(activationId)
                .build();
    }
}

package io.crosspatch.simulator.ssm;

import static io.crosspatch.simulator.ssm.MaintenanceWindowsTest.window;
import static io.crosspatch.simulator.ssm.SsmFixtures.activation;
import static io.crosspatch.simulator.ssm.SsmFixtures.registerUbuntu;
import static io.crosspatch.simulator.ssm.SsmFixtures.tag;
import static io.crosspatch.simulator.ssm.SsmFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.simulator.SharedSimulator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DoesNotExistException;
import software.amazon.awssdk.services.ssm.model.GetMaintenanceWindowTaskResponse;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowResourceType;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowTarget;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowTask;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowTaskType;
import software.amazon.awssdk.services.ssm.model.RegisterTaskWithMaintenanceWindowRequest;
import software.amazon.awssdk.services.ssm.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.ssm.model.Target;
import software.amazon.awssdk.services.ssm.model.TargetInUseException;
import software.amazon.awssdk.services.ssm.model.ValidationException;

/** Targets and tasks of maintenance windows: the Patch Group target and the AWS-RunPatchBaseline task. */
class WindowTargetsAndTasksTest {

    private static final SsmClient ssm = SharedSimulator.ssm(SsmFixtures.management());

    @AfterAll
    static void closeClient() {
        ssm.close();
    }

    @Test
    void registersAPatchGroupTargetAndAnInstallTaskThatReachesTheGroupsNodes() {
        // given a window and a node in the patch group
        String group = unique("early");
        String instanceId = registerUbuntu(activation(ssm, 1, tag("Patch Group", group)));
        String windowId = newWindow();

        // when
        String targetId = ssm.registerTargetWithMaintenanceWindow(r -> r.windowId(windowId)
                        .resourceType(MaintenanceWindowResourceType.INSTANCE)
                        .targets(target("tag:Patch Group", group))
                        .ownerInformation("crosspatch")
                        .name("early-nodes"))
                .windowTargetId();
        String taskId = ssm.registerTaskWithMaintenanceWindow(
                        installTask(windowId, targetId).build())
                .windowTaskId();

        // then
        List<MaintenanceWindowTarget> targets =
                ssm.describeMaintenanceWindowTargets(r -> r.windowId(windowId)).targets();
        assertThat(targets).singleElement().satisfies(target -> {
            assertThat(target.windowTargetId()).isEqualTo(targetId);
            assertThat(target.targets()).containsExactly(target("tag:Patch Group", group));
            assertThat(target.ownerInformation()).isEqualTo("crosspatch");
        });
        List<MaintenanceWindowTask> tasks =
                ssm.describeMaintenanceWindowTasks(r -> r.windowId(windowId)).tasks();
        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task.taskArn()).isEqualTo("AWS-RunPatchBaseline");
            assertThat(task.type()).isEqualTo(MaintenanceWindowTaskType.RUN_COMMAND);
            assertThat(task.maxConcurrency()).isEqualTo("10%");
            assertThat(task.maxErrors()).isEqualTo("1");
            assertThat(task.priority()).isEqualTo(1);
        });
        GetMaintenanceWindowTaskResponse task =
                ssm.getMaintenanceWindowTask(r -> r.windowId(windowId).windowTaskId(taskId));
        assertThat(task.taskInvocationParameters().runCommand().parameters())
                .containsEntry("Operation", List.of("Install"))
                .containsEntry("RebootOption", List.of("RebootIfNeeded"));
        SsmRegionState region = SharedSimulator.get()
                .module(SsmModule.class)
                .state()
                .region(SsmFixtures.MANAGEMENT_ACCOUNT, SsmFixtures.REGION);
        WindowTask modelTask = region.windowTasks(windowId).get(0);
        assertThat(modelTask.parameter("Operation")).isEqualTo("Install");
        assertThat(region.nodesTargetedBy(modelTask))
                .extracting(ManagedNode::instanceId)
                .containsExactly(instanceId);
    }

    @Test
    void updatesATaskToScanOnly() {
        String windowId = newWindow();
        String targetId = patchGroupTarget(windowId);
        String taskId = ssm.registerTaskWithMaintenanceWindow(
                        installTask(windowId, targetId).build())
                .windowTaskId();

        ssm.updateMaintenanceWindowTask(r -> r.windowId(windowId)
                .windowTaskId(taskId)
                .priority(5)
                .taskInvocationParameters(p -> p.runCommand(c -> c.parameters(Map.of("Operation", List.of("Scan"))))));

        GetMaintenanceWindowTaskResponse task =
                ssm.getMaintenanceWindowTask(r -> r.windowId(windowId).windowTaskId(taskId));
        assertThat(task.priority()).isEqualTo(5);
        assertThat(task.maxConcurrency()).isEqualTo("10%");
        assertThat(task.taskInvocationParameters().runCommand().parameters()).containsOnlyKeys("Operation");
    }

    @Test
    void replacesATaskKeepingItsTypeAndDefaultingWhatTheRequestLeavesOut() {
        String windowId = newWindow();
        String targetId = patchGroupTarget(windowId);
        String taskId = ssm.registerTaskWithMaintenanceWindow(
                        installTask(windowId, targetId).priority(3).build())
                .windowTaskId();

        ssm.updateMaintenanceWindowTask(r -> r.windowId(windowId)
                .windowTaskId(taskId)
                .replace(true)
                .taskArn("AWS-RunPatchBaseline")
                .targets(target("WindowTargetIds", targetId))
                .maxConcurrency("1")
                .maxErrors("0"));

        GetMaintenanceWindowTaskResponse task =
                ssm.getMaintenanceWindowTask(r -> r.windowId(windowId).windowTaskId(taskId));
        assertThat(task.taskType()).isEqualTo(MaintenanceWindowTaskType.RUN_COMMAND);
        assertThat(task.priority()).isEqualTo(1);
        assertThat(task.maxErrors()).isEqualTo("0");
        assertThat(task.taskInvocationParameters().runCommand().parameters()).isEmpty();
    }

    @Test
    void refusesTasksWithoutTargetsLimitsOrWithUnknownTargets() {
        String windowId = newWindow();
        String targetId = patchGroupTarget(windowId);

        assertThatThrownBy(() -> ssm.registerTaskWithMaintenanceWindow(
                        installTask(windowId, targetId).maxErrors(null).build()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ssm.registerTaskWithMaintenanceWindow(
                        installTask(windowId, targetId).maxConcurrency("0").build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("maxConcurrency");
        assertThatThrownBy(() -> ssm.registerTaskWithMaintenanceWindow(
                        installTask(windowId, "00000000-0000-4000-8000-000000000000")
                                .build()))
                .isInstanceOf(DoesNotExistException.class);
        assertThatThrownBy(() -> ssm.registerTaskWithMaintenanceWindow(
                        installTask("mw-00000000000000000", targetId).build()))
                .isInstanceOf(DoesNotExistException.class);
    }

    @Test
    void refusesALegacyTaskParameterWithoutAValueAsAValidationError() {
        // given a registration whose legacy TaskParameters member is JSON null (the SDK drops null map values, so the
        // body is written by hand)
        String windowId = newWindow();
        String targetId = patchGroupTarget(windowId);
        String body = "{\"WindowId\":\"" + windowId + "\",\"TaskArn\":\"AWS-RunPatchBaseline\","
                + "\"TaskType\":\"RUN_COMMAND\",\"Targets\":[{\"Key\":\"WindowTargetIds\",\"Values\":[\"" + targetId
                + "\"]}],\"MaxConcurrency\":\"10%\",\"MaxErrors\":\"1\",\"TaskParameters\":{\"Operation\":null}}";

        try (SsmClient sending = sendingBody(body)) {
            // when / then: the caller's mistake, answered as SSM answers one, not a simulator failure
            assertThatThrownBy(() -> sending.registerTaskWithMaintenanceWindow(
                            installTask(windowId, targetId).build()))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("taskParameters.operation")
                    .hasMessageContaining("Member must not be null");
        }
    }

    @Test
    void refusesToDeregisterATargetATaskStillUsesWhenAskedToBeSafe() {
        String windowId = newWindow();
        String targetId = patchGroupTarget(windowId);
        String taskId = ssm.registerTaskWithMaintenanceWindow(
                        installTask(windowId, targetId).build())
                .windowTaskId();

        assertThatThrownBy(() -> ssm.deregisterTargetFromMaintenanceWindow(
                        r -> r.windowId(windowId).windowTargetId(targetId).safe(true)))
                .isInstanceOf(TargetInUseException.class);

        ssm.deregisterTaskFromMaintenanceWindow(r -> r.windowId(windowId).windowTaskId(taskId));
        ssm.deregisterTargetFromMaintenanceWindow(
                r -> r.windowId(windowId).windowTargetId(targetId).safe(true));

        assertThat(ssm.describeMaintenanceWindowTargets(r -> r.windowId(windowId))
                        .targets())
                .isEmpty();
        assertThat(ssm.describeMaintenanceWindowTasks(r -> r.windowId(windowId)).tasks())
                .isEmpty();
        assertThatThrownBy(() -> ssm.deregisterTargetFromMaintenanceWindow(
                        r -> r.windowId(windowId).windowTargetId(targetId)))
                .isInstanceOf(DoesNotExistException.class);
    }

    @Test
    void refusesTheHundredAndFirstTargetAndTheTwentyFirstTaskOfAWindow() {
        String windowId = newWindow();
        String targetId = patchGroupTarget(windowId);
        for (int i = 1; i < SsmRegionState.TARGETS_PER_WINDOW_QUOTA; i++) {
            patchGroupTarget(windowId);
        }
        for (int i = 0; i < SsmRegionState.TASKS_PER_WINDOW_QUOTA; i++) {
            ssm.registerTaskWithMaintenanceWindow(
                    installTask(windowId, targetId).build());
        }

        assertThatThrownBy(() -> patchGroupTarget(windowId)).isInstanceOf(ResourceLimitExceededException.class);
        assertThatThrownBy(() -> ssm.registerTaskWithMaintenanceWindow(
                        installTask(windowId, targetId).build()))
                .isInstanceOf(ResourceLimitExceededException.class);
        assertThat(
                        ssm
                                .describeMaintenanceWindowTargetsPaginator(
                                        r -> r.windowId(windowId).maxResults(30))
                                .targets()
                                .stream()
                                .count())
                .isEqualTo(SsmRegionState.TARGETS_PER_WINDOW_QUOTA);
    }

    @Test
    void refusesTargetKeysThatDoNotFitTheResourceType() {
        String windowId = newWindow();

        assertThatThrownBy(() -> ssm.registerTargetWithMaintenanceWindow(r -> r.windowId(windowId)
                        .resourceType(MaintenanceWindowResourceType.INSTANCE)
                        .targets(target("resource-groups:Name", "web"))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ssm.registerTargetWithMaintenanceWindow(r -> r.windowId(windowId)
                        .resourceType(MaintenanceWindowResourceType.INSTANCE)
                        .targets(target("InstanceIds", "host-1"))))
                .isInstanceOf(ValidationException.class);
        assertThat(ssm.registerTargetWithMaintenanceWindow(r -> r.windowId(windowId)
                                .resourceType(MaintenanceWindowResourceType.RESOURCE_GROUP)
                                .targets(target("resource-groups:Name", "web")))
                        .windowTargetId())
                .isNotBlank();
    }

    private static String newWindow() {
        return ssm.createMaintenanceWindow(
                        window(unique("targets"), "cron(0 2 ? * SUN *)").build())
                .windowId();
    }

    private static String patchGroupTarget(String windowId) {
        return ssm.registerTargetWithMaintenanceWindow(r -> r.windowId(windowId)
                        .resourceType(MaintenanceWindowResourceType.INSTANCE)
                        .targets(target("tag:Patch Group", "early")))
                .windowTargetId();
    }

    private static RegisterTaskWithMaintenanceWindowRequest.Builder installTask(String windowId, String targetId) {
        return RegisterTaskWithMaintenanceWindowRequest.builder()
                .windowId(windowId)
                .taskArn("AWS-RunPatchBaseline")
                .taskType(MaintenanceWindowTaskType.RUN_COMMAND)
                .targets(target("WindowTargetIds", targetId))
                .maxConcurrency("10%")
                .maxErrors("1")
                .taskInvocationParameters(p -> p.runCommand(c -> c.parameters(
                        Map.of("Operation", List.of("Install"), "RebootOption", List.of("RebootIfNeeded")))));
    }

    /** A client whose requests carry {@code body} instead of what the SDK makes of them (replaced before signing). */
    private static SsmClient sendingBody(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ExecutionInterceptor replaceBody = new ExecutionInterceptor() {
            @Override
            public SdkHttpRequest modifyHttpRequest(
                    Context.ModifyHttpRequest context, ExecutionAttributes executionAttributes) {
                return context.httpRequest().toBuilder()
                        .putHeader("Content-Length", String.valueOf(bytes.length))
                        .build();
            }

            @Override
            public Optional<RequestBody> modifyHttpContent(
                    Context.ModifyHttpRequest context, ExecutionAttributes executionAttributes) {
                return Optional.of(RequestBody.fromBytes(bytes));
            }
        };
        return SsmClient.builder()
                .endpointOverride(SharedSimulator.endpoint())
                .region(SharedSimulator.REGION)
                .credentialsProvider(SsmFixtures.management())
                .overrideConfiguration(c -> c.addExecutionInterceptor(replaceBody))
                .build();
    }

    static Target target(String key, String... values) {
        return Target.builder().key(key).values(values).build();
    }
}

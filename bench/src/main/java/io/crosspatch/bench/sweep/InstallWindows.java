package io.crosspatch.bench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.client.SimulatorControl;
import java.util.ArrayList;
import java.util.List;

/**
 * The Install windows ({@code crosspatch-install-<group>}) patching-service made in a system account, as the
 * simulator holds them: the sweep opens each one by id, so that no scheduled scan runs on the way as a clock advance
 * would.
 */
final class InstallWindows {

    /** One maintenance window of one system account and region. */
    record Window(String accountId, String region, String windowId, String name) {}

    private InstallWindows() {}

    /** The enabled Install windows of the account and region. */
    static List<Window> of(SimulatorControl simulator, String accountId, String region) {
        List<Window> windows = new ArrayList<>();
        for (JsonNode window : simulator.maintenanceWindows(accountId, region)) {
            String name = window.get("Name").asText();
            if (name.startsWith("crosspatch-install-") && window.path("Enabled").asBoolean(true)) {
                windows.add(new Window(accountId, region, window.get("WindowId").asText(), name));
            }
        }
        return windows;
    }

    /** Opens the window now; the simulator runs its tasks on every targeted node before it answers. */
    static JsonNode run(SimulatorControl simulator, Window window) {
        return simulator.runMaintenanceWindow(window.windowId(), window.accountId(), window.region());
    }
}

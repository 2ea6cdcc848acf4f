package io.crosspatch.simulator.control;

/**
 * Trouble to inject into one operation (or all, with {@code *}) of a service.
 *
 * @param throttleProbability share of calls answered with the service's throttling error
 * @param errorProbability    share of calls answered with a 500 internal error
 * @param latencyMillis       delay added to every matching call
 */
public record Fault(
        String service, String operation, double throttleProbability, double errorProbability, long latencyMillis) {

    boolean matches(String callService, String callOperation) {
        return (service.equals("*") || service.equals(callService))
                && (operation.equals("*") || operation.equals(callOperation));
    }
}

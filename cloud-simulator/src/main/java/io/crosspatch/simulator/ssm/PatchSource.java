package io.crosspatch.simulator.ssm;

import java.util.List;

/** An alternative package repository of a Linux baseline (kept and echoed back, not used for patching). */
public record PatchSource(String name, List<String> products, String configuration) {

    public PatchSource {
        products = List.copyOf(products);
    }
}

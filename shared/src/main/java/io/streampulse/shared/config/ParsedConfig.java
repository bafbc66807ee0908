package io.streampulse.shared.config;

import java.util.List;
import java.util.Optional;

/** The outcome of parsing one file: a config when there is no error, and every problem found (warnings too). */
public record ParsedConfig(Optional<SuiteConfig> config, List<ConfigProblem> problems) {

    public List<ConfigProblem> errors() {
        return problems.stream().filter(ConfigProblem::isError).toList();
    }

    public List<ConfigProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    public boolean valid() {
        return config.isPresent();
    }
}

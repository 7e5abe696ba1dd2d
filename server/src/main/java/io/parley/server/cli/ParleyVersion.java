package io.parley.server.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest, or "development" when run from classes. */
public final class ParleyVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = ParleyVersion.class.getPackage().getImplementationVersion();
        return new String[] {"parley " + (version == null ? "development" : version)};
    }
}

package io.parley.jms.connection;

import jakarta.jms.ConnectionMetaData;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * What a connection says about the provider: Jakarta Messaging 3.1, provider "Parley" in the version of this jar, and
 * the JMSX properties it supports: JMSXDeliveryCount (set on every received message), JMSXGroupID (the conversation
 * group) and JMSXGroupSeq (carried as the sender set it).
 */
final class ParleyConnectionMetaData implements ConnectionMetaData {
    static final String PROVIDER_NAME = "Parley";
    private static final String UNPACKAGED_VERSION = "0.1.0-SNAPSHOT";

    @Override
    public String getJMSVersion() {
        return "3.1";
    }

    @Override
    public int getJMSMajorVersion() {
        return 3;
    }

    @Override
    public int getJMSMinorVersion() {
        return 1;
    }

    @Override
    public String getJMSProviderName() {
        return PROVIDER_NAME;
    }

    @Override
    public String getProviderVersion() {
        String version = ParleyConnectionMetaData.class.getPackage().getImplementationVersion();
        return version == null ? UNPACKAGED_VERSION : version;
    }

    @Override
    public int getProviderMajorVersion() {
        return part(0);
    }

    @Override
    public int getProviderMinorVersion() {
        return part(1);
    }

    private int part(int index) {
        String[] parts = getProviderVersion().split("[.-]");
        try {
            return index < parts.length ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public Enumeration<String> getJMSXPropertyNames() {
        return Collections.enumeration(List.of("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq"));
    }
}

package org.mhaqi.enrollment.organisation;

import java.util.UUID;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceType;

/** What enrolment needs to know of a service and its organisation. */
public record ServiceProfile(
    UUID serviceId,
    UUID organisationId,
    String odsCode,
    ProviderType providerType,
    Region region,
    ServiceType serviceType) {}

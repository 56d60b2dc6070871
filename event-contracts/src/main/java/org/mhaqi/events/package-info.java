/** The public event contract between the services and for analytics consumers. */
package org.mhaqi.events;

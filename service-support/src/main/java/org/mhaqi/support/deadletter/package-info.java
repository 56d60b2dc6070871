/**
 * The operators' dead-letter tool: lists what a service's consumers dead-lettered, with the reason,
 * and replays chosen messages to their original topic once the cause is fixed.
 */
package org.mhaqi.support.deadletter;

/**
 * The directory of people notification-service writes to, their scope and the kinds of message they
 * chose; who may manage which contact; erasure; unsubscribing by a signed link.
 */
package org.mhaqi.notification.contact;

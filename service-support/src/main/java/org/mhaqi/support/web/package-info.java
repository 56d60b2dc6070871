/**
 * HTTP edge shared by the services: RFC 9457 problem+json answers for every kind of bad input,
 * supported date ranges and paging.
 */
package org.mhaqi.support.web;

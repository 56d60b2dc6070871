/**
 * The shared change-idea library: teams share their ideas with the programme (and withdraw them),
 * every team reads and searches the shared ones without a person's name, and says which idea it
 * adopted from another team's, so that the library shows how an idea spread.
 */
package org.mhaqi.evaluation.sharedlearning;

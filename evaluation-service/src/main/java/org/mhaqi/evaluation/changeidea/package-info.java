/**
 * Change ideas and their Plan-Do-Study-Act cycles, marked when co-produced with lived-experience
 * partners and linked to the measures they target: the programme's shared library of ideas.
 */
package org.mhaqi.evaluation.changeidea;

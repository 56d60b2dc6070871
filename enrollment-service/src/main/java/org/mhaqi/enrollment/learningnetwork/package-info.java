/**
 * The learning network: providers declined as not eligible that the central team invited to share
 * the programme's learning, and their interest in future involvement in the Mental Health Act
 * reforms.
 */
package org.mhaqi.enrollment.learningnetwork;

/**
 * Leaf helpers shared by the toolkit's modules. <strong>Not API</strong>: anything here may change or
 * disappear in any release; applications should not use it.
 */
package dev.ekoolkit.core.internal;

/**
 * Implementation details shared by the feature packages (request pipeline, error mapping, HTML, JSON);
 * not an API.
 */
package dev.ekoolkit.mock.internal;

/**
 * What the launcher's and bench's command lines share (picocli): the repository-root argument, checked before anything
 * starts.
 */
package io.crosspatch.launcher.cli;

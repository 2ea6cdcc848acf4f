/**
 * What the launcher's and bench's command lines share (picocli): {@code --help} and the repository-root argument,
 * declared once ({@code CommonOptions}, mixed into each command) and checked before anything starts.
 */
package io.crosspatch.launcher.cli;

package dk.enplan.sector;

import dk.enplan.names.GroupNames;

/**
 * One of the sector laws that stand side by side under the main law: its key (used in variables and in the
 * group {@code sektor-<key>}), Danish name, law and the candidate group of its caseworkers.
 */
public record Sector(String key, String name, String law, String group) {

  public Sector {
    if (key == null || !key.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("Sector key must be lower-case letters, digits or '-': " + key);
    }
    if (group == null || group.isBlank()) {
      group = GroupNames.sector(key);
    }
  }
}

package dk.enplan.tasklist;

import org.camunda.bpm.engine.rest.hal.cache.HalRelationCacheBootstrap;
import org.springframework.stereotype.Component;

/**
 * Caches the relations the engine's REST API embeds in a HAL task list (Tasklist's every page): the assignees'
 * users and the tasks' process definitions, which it would otherwise read anew for each page (two to three
 * statements). Camunda's own relation cache, configured as its servlet listener would from a context parameter.
 *
 * <p>A definition never changes under its id; a user's name and e-mail may, and are shown at most five minutes
 * late. An entry is only embedded for a task the caller may read, so it shows the caller no user and no definition
 * beyond those of their own tasks, which every caseworker group may read anyway (AccessPolicy).
 */
@Component
class HalRelationCaches {

  static final String CONFIGURATION = """
      {"cacheImplementation": "org.camunda.bpm.engine.rest.hal.cache.DefaultHalResourceCache",
       "caches": {
         "org.camunda.bpm.engine.rest.hal.user.HalUser": {"capacity": 2000, "secondsToLive": 300},
         "org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition":
           {"capacity": 1000, "secondsToLive": 3600}}}
      """;

  HalRelationCaches() {
    new HalRelationCacheBootstrap().configureCaches(CONFIGURATION);
  }
}

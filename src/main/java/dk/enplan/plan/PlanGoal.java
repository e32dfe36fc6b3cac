package dk.enplan.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A goal of one plan version: the citizen's own words, the goal, its sub-goals, on one life domain. */
@Entity
@Table(name = "plan_goal")
public class PlanGoal {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(optional = false)
  @JoinColumn(name = "plan_version_id", updatable = false)
  private PlanVersion planVersion;
  @Column(nullable = false, updatable = false)
  private int sequence;
  @Column(name = "life_domain", nullable = false, updatable = false)
  private String lifeDomain;
  @Column(name = "citizen_words", nullable = false, updatable = false)
  private String citizenWords;
  @Column(nullable = false, updatable = false)
  private String goal;
  @Column(name = "sub_goals", updatable = false)
  private String subGoals;

  protected PlanGoal() {
  }

  PlanGoal(PlanVersion planVersion, int sequence, LifeDomain lifeDomain, String citizenWords, String goal,
           String subGoals) {
    this.planVersion = planVersion;
    this.sequence = sequence;
    this.lifeDomain = lifeDomain.key();
    this.citizenWords = citizenWords;
    this.goal = goal;
    this.subGoals = subGoals;
  }

  public int sequence() {
    return sequence;
  }

  public LifeDomain lifeDomain() {
    return LifeDomain.of("lifeDomain", lifeDomain);
  }

  public String citizenWords() {
    return citizenWords;
  }

  public String goal() {
    return goal;
  }

  public String subGoals() {
    return subGoals;
  }
}

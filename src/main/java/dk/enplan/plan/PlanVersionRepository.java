package dk.enplan.plan;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanVersionRepository extends JpaRepository<PlanVersion, Long> {

  List<PlanVersion> findByCourseIdOrderByVersion(String courseId);

  Optional<PlanVersion> findFirstByCourseIdOrderByVersionDesc(String courseId);
}

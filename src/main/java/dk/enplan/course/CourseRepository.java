package dk.enplan.course;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CourseRepository extends JpaRepository<Course, String> {

  /** By the keyed hash of the CPR number ({@code CprProtection#lookupHash}); use {@link CourseService#findByCpr}. */
  List<Course> findByCprHash(String cprHash);
}

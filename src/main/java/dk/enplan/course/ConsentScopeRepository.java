package dk.enplan.course;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsentScopeRepository extends JpaRepository<ConsentScope, Long> {

  List<ConsentScope> findByCourseIdOrderById(String courseId);
}

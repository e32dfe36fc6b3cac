package dk.enplan.plan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProgressionMeasurementRepository extends JpaRepository<ProgressionMeasurement, Long> {

  List<ProgressionMeasurement> findByCourseIdOrderById(String courseId);
}

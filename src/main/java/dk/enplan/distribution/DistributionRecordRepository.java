package dk.enplan.distribution;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DistributionRecordRepository extends JpaRepository<DistributionRecord, Long> {

  Optional<DistributionRecord> findByIdempotencyKey(String idempotencyKey);

  List<DistributionRecord> findByCourseIdOrderById(String courseId);
}
